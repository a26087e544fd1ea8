import { startSandboxHost } from './start-sandbox-host';

/** Entry of a sandbox process (see SandboxPool); `argv[2]` is its IsolatePool options as JSON. */
startSandboxHost(process.argv[2]);
