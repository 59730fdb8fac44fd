import { createContext, useContext } from "react";

import type { AdminApi } from "./api/adminClient";
import type { Me, PortalAccessClient } from "./api/portalAccess";
import type { Auth } from "./auth/keycloak";
import type { ConsoleConfig } from "./config";

export interface Console {
  config: ConsoleConfig;
  auth: Auth;
  admin: AdminApi;
  portalAccess: PortalAccessClient;
}

export const ConsoleContext = createContext<Console | undefined>(undefined);

export function useConsole(): Console {
  const value = useContext(ConsoleContext);
  if (!value) {
    throw new Error("useConsole outside ConsoleContext");
  }
  return value;
}

/** The realm being managed and the signed-in admin's rights there. */
export const RealmContext = createContext<Me | undefined>(undefined);

export function useRealm(): Me {
  const value = useContext(RealmContext);
  if (!value) {
    throw new Error("useRealm outside RealmContext");
  }
  return value;
}
