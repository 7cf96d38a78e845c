// The plugin project's program: the Node.js language host runs it with the engine's address.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("pulumi-redis-backup/internal/native").start();
