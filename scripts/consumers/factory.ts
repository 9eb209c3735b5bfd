// A consumer of @vast/factory alone: the player mode an explicit request selects.
import { selectPlayerMode } from '@vast/factory';

const selection = selectPlayerMode({ requested: 'headless' });
if (selection.mode !== 'headless') throw new Error(`expected headless, got ${selection.mode}`);
console.log('selected:', selection.mode);
