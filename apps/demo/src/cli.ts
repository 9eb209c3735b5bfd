#!/usr/bin/env node
import { runCli } from './run-cli.js';

// Package managers run scripts from the package folder and put the user's directory in INIT_CWD.
process.exitCode = await runCli(process.argv.slice(2), {
  out: process.stdout,
  err: process.stderr,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
