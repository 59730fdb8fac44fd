import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";

import { type Console, ConsoleContext } from "./ConsoleContext";
import { routerBasename } from "./config";
import { RealmRoute } from "./shell/RealmRoute";

/**
 * Routes: /{realm}/... is the console of one realm (like Keycloak's admin console, whose routes start with the
 * realm too); / goes to the realm the console signed in to. A master-realm admin switches realms in the sidebar.
 */
export function App({ console }: { console: Console }) {
  return (
    <ConsoleContext.Provider value={console}>
      <BrowserRouter basename={routerBasename(console.config)}>
        <Routes>
          <Route path="/" element={<Navigate to={`/${encodeURIComponent(console.config.realm)}`} replace />} />
          <Route path="/:realm/*" element={<RealmRoute />} />
        </Routes>
      </BrowserRouter>
    </ConsoleContext.Provider>
  );
}
