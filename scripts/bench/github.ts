// What the request-count benchmark runs of the GitHub layer, bundled by scripts/bench/build.mjs into .bench/github.js.
export { createGitHubClient } from '../../src/github/client.js'
export { listPullFiles } from '../../src/github/pulls.js'
export { publish } from '../../src/report/publish.js'
export { parseRelease } from '../../src/knowledge/versions.js'
