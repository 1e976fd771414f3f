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
const server = dynalite({
  createTableMs: Number(argv.createTableMs ?? 0),
  deleteTableMs: Number(argv.deleteTableMs ?? 0),
  updateTableMs: Number(argv.updateTableMs ?? 0),
})
server.listen(Number(argv.port), argv.host || '127.0.0.1', () => {
  const address = server.address()
  console.log('KEFU_DYNALITE_READY ' + address.port)
})
server.on('error', (err) => { console.error('dynalite failed: ' + err.message); process.exit(2) })
const stop = () => process.exit(0)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
