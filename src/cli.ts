// Entry of the `istio-compat` command; the logic lives in cli/main.ts.
import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2))
