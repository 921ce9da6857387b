/**
 * No eval: zod otherwise probes `Function('')` to compile parsers, which the
 * site's CSP (no 'unsafe-eval') reports as a violation in every browser that
 * validates a form. Node gets the same setting so both behave alike. Imported
 * for its effect by every module that builds zod schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });
