import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

// cli.ts (process.argv and stdout to runCli) and until-signal.ts (the process's signals) only run
// in a real process: the spawned tests of test/cli-process.test.ts cover them, which v8 coverage of
// the test process cannot see.
export default mergeConfig(packageTestConfig(), { test: { coverage: { exclude: ['src/cli.ts', 'src/until-signal.ts'] } } });
