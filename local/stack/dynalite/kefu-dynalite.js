// Starts dynalite for LocalAwsStack and exits when the parent JVM goes away.
// The JVM keeps our stdin open; when it dies (even with kill -9) stdin reaches EOF and we exit,
// so no orphaned node process is left behind. Arguments are dynalite's own CLI flags.
'use strict'
const argv = {}
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) argv[args[i].slice(2)] = args[i + 1]?.startsWith('--') === false ? args[++i] : 'true'
}
const dynalite = require('dynalite')
function serve () {
  const server = dynalite({
    createTableMs: Number(argv.createTableMs ?? 0),
    deleteTableMs: Number(argv.deleteTableMs ?? 0),
    updateTableMs: Number(argv.updateTableMs ?? 0),
    // --path: tables in a LevelDB there (kept across restarts); without it, in memory
    ...(argv.path ? { path: argv.path } : {}),
  })
  server.listen(Number(argv.port), argv.host || '127.0.0.1', () => {
    const address = server.address()
    console.log('KEFU_DYNALITE_READY ' + address.port)
  })
  server.on('error', (err) => { console.error('dynalite failed: ' + err.message); process.exit(2) })
}
if (argv.path) {
  // dynalite opens its LevelDB lazily and would report a held lock only on the first request: open it once
  // here so a dynalite still shutting down (a killed `kefu up`) makes this start fail at once and be retried.
  const { Level } = require('level')
  const probe = new Level(argv.path)
  probe.open().then(() => probe.close()).then(serve,
    (err) => { console.error('dynalite cannot open ' + argv.path + ': ' + err.message); process.exit(3) })
} else {
  serve()
}
const stop = () => process.exit(0)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
