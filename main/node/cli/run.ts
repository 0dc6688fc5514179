// Process entry of `ic` (bin/ic.js imports this): runs main() and exits with its code.
import { restrictUmask } from '../config/permissions.js';
import { main } from './main.js';

// Files the CLI creates in the data folder (database, logs, exports) are the user's alone.
restrictUmask();

process.exitCode = await main(process.argv.slice(2));
