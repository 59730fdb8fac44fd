import { createContext, useContext } from "react";

import type { PartnerTeamClient } from "../api/partnerTeam";
import type { TeamClient } from "../api/team";
import type { Auth } from "../auth/keycloak";
import type { TeamConfig } from "./teamConfig";

export interface Team {
  config: TeamConfig;
  auth: Auth;
  api: TeamClient;
  /** The partner API, when config.json names one. */
  partner?: PartnerTeamClient;
}

export const TeamContext = createContext<Team | undefined>(undefined);

export function useTeam(): Team {
  const value = useContext(TeamContext);
  if (!value) {
    throw new Error("useTeam outside TeamContext");
  }
  return value;
}
