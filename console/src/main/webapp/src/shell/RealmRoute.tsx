import { Bullseye, PageSection, Spinner } from "@patternfly/react-core";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Route, Routes, useParams } from "react-router-dom";

import type { Me } from "../api/portalAccess";
import { RealmContext, useConsole } from "../ConsoleContext";
import { ErrorAlert } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";
import { NoAccessPage } from "../pages/NoAccessPage";
import { NotFoundPage, RealmNotFoundPage } from "../pages/NotFoundPage";
import { AppShell } from "./AppShell";

// each page its own chunk: the shell loads first, a page's code when it is opened
const OverviewPage = lazy(() => import("../pages/OverviewPage"));
const realmPages = () => import("../pages/realm/RealmPages");
const DenylistPage = lazy(() => realmPages().then((m) => ({ default: m.DenylistPage })));
const SelfRegistrationPage = lazy(() => realmPages().then((m) => ({ default: m.SelfRegistrationPage })));
const CustomerAccessPage = lazy(() => realmPages().then((m) => ({ default: m.CustomerAccessPage })));
const PartnerPage = lazy(() => realmPages().then((m) => ({ default: m.PartnerPage })));
const TenantPage = lazy(() => realmPages().then((m) => ({ default: m.TenantPage })));
const CustomersRoutes = lazy(() => import("../pages/customers/CustomersRoutes"));

type State = { kind: "loading" } | { kind: "ready"; me: Me } | { kind: "failed"; error: ErrorContract };

/** /{realm}/...: asks the server what the signed-in admin may do there, then shows the pages or "no access". */
export function RealmRoute() {
  const { realm = "" } = useParams();
  const { portalAccess } = useConsole();
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    setState({ kind: "loading" });
    portalAccess.me(realm).then(
      (me) => live && setState({ kind: "ready", me }),
      (e) => live && setState({ kind: "failed", error: errorFromUnknown(e) }),
    );
    return () => {
      live = false;
    };
  }, [portalAccess, realm]);

  if (state.kind === "loading") {
    return (
      <AppShell realm={realm} withNav={false}>
        <Loading />
      </AppShell>
    );
  }
  if (state.kind === "failed") {
    const { error } = state;
    // 403: no right here (ours), or a token of another realm that is not the master realm (Keycloak's)
    const body =
      error.status === 403 ? (
        <NoAccessPage realm={realm} />
      ) : error.status === 404 ? (
        <RealmNotFoundPage realm={realm} />
      ) : (
        <PageSection>
          <ErrorAlert error={error} />
        </PageSection>
      );
    return (
      <AppShell realm={realm} withNav={false}>
        {body}
      </AppShell>
    );
  }
  return (
    <RealmContext.Provider value={state.me}>
      <AppShell realm={realm} withNav>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<OverviewPage />} />
            <Route path="denylist" element={<DenylistPage />} />
            <Route path="self-registration" element={<SelfRegistrationPage />} />
            <Route path="customer-access" element={<CustomerAccessPage />} />
            <Route path="partner" element={<PartnerPage />} />
            <Route path="partner/tenants/:tenantId" element={<TenantPage />} />
            <Route path="customers/*" element={<CustomersRoutes />} />
            <Route path="*" element={<NotFoundPage realm={realm} />} />
          </Routes>
        </Suspense>
      </AppShell>
    </RealmContext.Provider>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Bullseye>
      <Spinner aria-label={t("app.loading")} />
    </Bullseye>
  );
}
