// Entry of a batch worker thread. Workers do not inherit the TypeScript loader
// the CLI registered in the main thread: register it here, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
