#!/usr/bin/env node
import { runDemo } from './run-demo.js';

process.exitCode = runDemo(process.argv.slice(2), process.stdout);
