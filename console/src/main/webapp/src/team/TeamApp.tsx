import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";

import { routerBasename } from "../config";
import { CustomerTeamPage } from "./CustomerTeamPage";
import { HomePage } from "./HomePage";
import { PartnerTenantPage } from "./PartnerPages";
import { type Team, TeamContext } from "./TeamContext";
import { TeamShell } from "./TeamShell";

/**
 * Routes of the team page (below /realms/{realm}/portal-access/team/): "/" the signed-in user's customers (one:
 * straight to its team; several: the user picks one), "/customers/{id}" a customer's team; in a partner realm "/"
 * lists tenants instead (all of them for a partner administrator, one's own for a partner user) and
 * "/tenants/{id}" is a tenant's access page (partner administrators).
 */
export function TeamApp({ team }: { team: Team }) {
  return (
    <TeamContext.Provider value={team}>
      <BrowserRouter basename={routerBasename(team.config)}>
        <TeamShell>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/customers/:customerId" element={<CustomerTeamPage />} />
            <Route path="/tenants/:tenantId" element={<PartnerTenantPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </TeamShell>
      </BrowserRouter>
    </TeamContext.Provider>
  );
}
