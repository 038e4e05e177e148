/** A CloudBase environment id as the console makes them, e.g. `hukou-prod-1a2b3c`. */
export const ENV_ID = /^[a-z0-9][a-z0-9-]{2,62}$/;

/** Reads `--env <envId>` from the command line; throws the usage line when it is absent or malformed. */
export function envIdArg(argv: readonly string[], usage: string): string {
  const at = argv.indexOf('--env');
  const envId = at >= 0 ? argv[at + 1] : undefined;
  if (!envId || envId.startsWith('--')) throw new Error(`usage: ${usage}`);
  if (!ENV_ID.test(envId)) throw new Error(`--env ${envId} is not a CloudBase environment id (lowercase letters, digits and -)`);
  return envId;
}
