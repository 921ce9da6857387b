/** Zod's own messages (for checks without a custom message) in Chinese. */
import { z } from 'zod';
z.config(z.locales.zhCN());
