import { PageSection } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import { ErrorAlert } from "../errors/ErrorDisplay";
import { CustomersPage, Loading } from "./CustomersPage";
import { MyTenantsPage, PartnerTenantsPage } from "./PartnerPages";
import { useTeam } from "./TeamContext";
import { localize } from "./teamErrors";
import { useLoad } from "./useLoad";

/**
 * "/": in a partner realm (the partner API's "me" says so) a partner administrator's tenants or a partner user's
 * own tenants; anywhere else the signed-in user's customers.
 */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { partner } = useTeam();
  const [me] = useLoad(async () => (partner ? partner.me() : undefined), [partner]);
  if (me.kind === "loading") {
    return <Loading />;
  }
  if (me.kind === "failed") {
    return (
      <PageSection>
        <ErrorAlert
          error={localize(me.error, { t: (k: string, o?: Record<string, unknown>) => t(k, o) as string, exists: (k) => i18n.exists(k) })}
        />
      </PageSection>
    );
  }
  if (me.value?.enabled) {
    return me.value.administrator ? <PartnerTenantsPage /> : <MyTenantsPage />;
  }
  return <CustomersPage />;
}
