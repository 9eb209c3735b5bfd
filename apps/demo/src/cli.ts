#!/usr/bin/env node
import { runCli } from './run-cli.js';

// Output piped into `head` and the like may close early: that is no error of the CLI.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// Package managers run scripts from the package folder and put the user's directory in INIT_CWD.
process.exitCode = await runCli(process.argv.slice(2), {
  out: process.stdout,
  err: process.stderr,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
