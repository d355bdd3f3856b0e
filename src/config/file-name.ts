/** The file looked for in the working directory when no `--config` is given. */
export const configFileName = "wheel2pkg.toml";
