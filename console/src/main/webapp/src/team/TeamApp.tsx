import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";

import { routerBasename } from "../config";
import { CustomerTeamPage } from "./CustomerTeamPage";
import { CustomersPage } from "./CustomersPage";
import { type Team, TeamContext } from "./TeamContext";
import { TeamShell } from "./TeamShell";

/**
 * Routes of the team page (below /realms/{realm}/portal-access/team/): "/" the signed-in user's customers (one:
 * straight to its team; several: the user picks one), "/customers/{id}" a customer's team.
 */
export function TeamApp({ team }: { team: Team }) {
  return (
    <TeamContext.Provider value={team}>
      <BrowserRouter basename={routerBasename(team.config)}>
        <TeamShell>
          <Routes>
            <Route path="/" element={<CustomersPage />} />
            <Route path="/customers/:customerId" element={<CustomerTeamPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </TeamShell>
      </BrowserRouter>
    </TeamContext.Provider>
  );
}
