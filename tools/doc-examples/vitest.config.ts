import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

// cli.ts only runs as a process (`pnpm check`): its work is checkDocExamples, covered here.
export default mergeConfig(packageTestConfig(), { test: { coverage: { exclude: ['src/cli.ts'] } } });
