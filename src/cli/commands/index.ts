import type { Command } from 'commander';
import * as check from './check.ts';
import * as importCommand from './import.ts';
import * as search from './search.ts';
import * as lessons from './lessons.ts';
import * as templates from './templates.ts';
import * as doc from './doc.ts';
import * as batch from './batch.ts';
import * as ledger from './ledger.ts';

export interface CommandModule {
  register(program: Command): void;
}

/** Every subcommand; each module registers itself on the program. */
export const commandModules: CommandModule[] = [check, importCommand, search, lessons, templates, doc, batch, ledger];
