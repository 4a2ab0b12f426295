// Printed first by `npm test`: the Node that runs the tests. The devDependency `node` (the major
// Electron embeds) puts its binary first on the PATH of npm scripts, so this is Electron's Node.
console.log(`tests run on Node ${process.version} (${process.execPath})`)
