// Entry of the action; the logic lives in main.ts.
import { run } from './main.js'

await run()
