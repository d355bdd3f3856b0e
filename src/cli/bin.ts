import { main } from "./main.js";

// The command-line entry point: bundled into dist/bin/ so that start-up loads a few files.
process.exitCode = await main(process.argv.slice(2));
