import tcb from '@cloudbase/node-sdk';

export type CloudBaseApp = ReturnType<typeof tcb.init>;
type Database = ReturnType<CloudBaseApp['database']>;

let app: CloudBaseApp | undefined;

/**
 * The CloudBase app of the current environment, created once per warm instance.
 * In a cloud function the SDK finds the environment and credentials itself; the local cloud
 * points the same code at its emulator through TCB_CONTEXT_CNFG (see devcloud/).
 */
export function cloudbase(): CloudBaseApp {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

export function database(): Database {
  return cloudbase().database();
}

export type { Database };
