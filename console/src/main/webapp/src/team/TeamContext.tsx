import { createContext, useContext } from "react";

import type { TeamClient } from "../api/team";
import type { Auth } from "../auth/keycloak";
import type { TeamConfig } from "./teamConfig";

export interface Team {
  config: TeamConfig;
  auth: Auth;
  api: TeamClient;
}

export const TeamContext = createContext<Team | undefined>(undefined);

export function useTeam(): Team {
  const value = useContext(TeamContext);
  if (!value) {
    throw new Error("useTeam outside TeamContext");
  }
  return value;
}
