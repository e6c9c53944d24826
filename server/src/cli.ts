#!/usr/bin/env node
// otp-auth-server <command> [options]. Each command is one entry of the table below.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { demoCommand } from './demo/command.js';
import { emulatorCommand } from './emulator/command.js';

export type CommandValues = Record<string, string | boolean | undefined>;

export interface CliCommand {
  /** One line for the command list. */
  summary: string;
  /** Options after the command name, e.g. `[--port N]`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Starts the command. `fail()` reports a bad option value (usage, exit code 2). */
  run(values: CommandValues, fail: (message: string) => never): Promise<void>;
}

const commands: Record<string, CliCommand> = {
  demo: demoCommand,
  emulator: emulatorCommand,
};

class UsageError extends Error {}

const fail = (message: string): never => {
  throw new UsageError(message);
};

function usage(): string {
  const lines = ['Usage: otp-auth-server <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(commands)) {
    lines.push(`  ${name} ${command.usage}`, `      ${command.summary}`);
  }
  lines.push('', 'Run otp-auth-server <command> --help for details.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`otp-auth-server: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    const { values } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(`Usage: otp-auth-server ${name} ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    await command.run(values, fail);
    return 0;
  } catch (error) {
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      console.error(
        `otp-auth-server ${name}: ${(error as Error).message}\n\nUsage: otp-auth-server ${name} ${command.usage}`,
      );
      return 2;
    }
    console.error(
      `otp-auth-server ${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
