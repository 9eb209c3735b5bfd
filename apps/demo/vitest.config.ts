import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

// cli.ts only hands process.argv and stdout to runDemo, which the tests drive directly.
export default mergeConfig(packageTestConfig(), { test: { coverage: { exclude: ['src/cli.ts'] } } });
