import type OrganizationRepresentation from "@keycloak/keycloak-admin-client/lib/defs/organizationRepresentation.js";
import {
  Alert,
  AlertActionCloseButton,
  Breadcrumb,
  BreadcrumbItem,
  Label,
  LabelGroup,
  PageSection,
  Spinner,
  Tab,
  Tabs,
  TabTitleText,
  Text,
  TextContent,
  Title,
} from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";

import type { CreatedCustomer, CustomerSettings } from "../../api/customers";
import { useConsole, useRealm } from "../../ConsoleContext";
import { ErrorAlert } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { NotFoundPage } from "../NotFoundPage";
import { AuthenticationTab } from "./AuthenticationTab";
import { useCustomersApi, useNotices } from "./common";
import { FeaturesTab } from "./FeaturesTab";
import { PortalAccessTab } from "./PortalAccessTab";
import { ServiceAccountsTab } from "./ServiceAccountsTab";
import { UsersTab } from "./UsersTab";

export const TABS = ["portal-access", "users", "authentication", "service-accounts", "features"] as const;
type TabKey = (typeof TABS)[number];

const TAB_LABEL: Record<TabKey, string> = {
  "portal-access": "customers.customer.tab.portalAccess",
  users: "customers.customer.tab.users",
  authentication: "customers.customer.tab.authentication",
  "service-accounts": "customers.customer.tab.serviceAccounts",
  features: "customers.customer.tab.features",
};

type Loaded =
  | { kind: "loading" }
  | { kind: "ready"; organization: OrganizationRepresentation; settings: CustomerSettings }
  | { kind: "failed"; error: ErrorContract };

/** What a tab gets: the customer, its settings document, and a way to write part of it. */
export interface TabProps {
  customerId: string;
  customer: OrganizationRepresentation;
  settings: CustomerSettings;
  /** Writes the document with `change` applied; resolves to the stored document, rejects with the refusal. */
  saveSettings: (change: Partial<CustomerSettings>) => Promise<CustomerSettings>;
  notify: (title: string, body?: string) => void;
}

/** A customer's page: its name, alias and domains, and the tabs, each at its own address (deep links). */
export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId = "", tab } = useParams();
  const { admin } = useConsole();
  const { realm } = useRealm();
  const api = useCustomersApi();
  const navigate = useNavigate();
  const location = useLocation();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [notices, notify] = useNotices();
  const [created, setCreated] = useState<CreatedCustomer | undefined>((location.state as { created?: CreatedCustomer } | null)?.created);

  useEffect(() => {
    let live = true;
    setLoaded({ kind: "loading" });
    Promise.all([admin.client.organizations.findOne({ realm: realm.name, id: customerId }), api.settings(customerId)]).then(
      ([organization, settings]) =>
        live && (organization ? setLoaded({ kind: "ready", organization, settings }) : setLoaded({ kind: "failed", error: { status: 404, error: "not_found" } })),
      (e) => live && setLoaded({ kind: "failed", error: errorFromUnknown(e) }),
    );
    return () => {
      live = false;
    };
  }, [admin, api, realm.name, customerId]);

  const saveSettings = useCallback(
    async (change: Partial<CustomerSettings>) => {
      // only the sections changed: the server validates them and writes them all or none; then the stored
      // document is read again, as any other reader sees it
      await api.updateSettings(customerId, change);
      const stored = await api.settings(customerId);
      setLoaded((l) => (l.kind === "ready" ? { ...l, settings: stored } : l));
      return stored;
    },
    [api, customerId],
  );

  const realmPath = `/${encodeURIComponent(realm.name)}`;
  if (loaded.kind === "loading") {
    return (
      <PageSection>
        <Spinner aria-label={t("app.loading")} />
      </PageSection>
    );
  }
  if (loaded.kind === "failed") {
    if (loaded.error.status === 404) {
      return <NotFoundPage realm={realm.name} />;
    }
    return (
      <PageSection>
        <ErrorAlert error={loaded.error} />
      </PageSection>
    );
  }
  const current: TabKey = TABS.includes(tab as TabKey) ? (tab as TabKey) : "portal-access";
  const { organization, settings } = loaded;
  const props: TabProps = { customerId, customer: organization, settings, saveSettings, notify };
  const base = `${realmPath}/customers/${encodeURIComponent(customerId)}`;

  return (
    <>
      {notices}
      <PageSection variant="light">
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to={`${realmPath}/customers`} data-testid="back-to-customers">
              {t("customers.customer.back")}
            </Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{organization.name}</BreadcrumbItem>
        </Breadcrumb>
        <TextContent>
          <Title headingLevel="h1" data-testid="page-title">
            {organization.name}
          </Title>
          <Text>
            {t("customers.customer.alias")}: <strong data-testid="customer-alias">{organization.alias}</strong>
          </Text>
        </TextContent>
        <LabelGroup categoryName={t("customers.customer.domains")} data-testid="customer-domains">
          {(organization.domains ?? []).length === 0 ? (
            <Label>{t("customers.customer.noDomains")}</Label>
          ) : (
            (organization.domains ?? []).map((d) => <Label key={d.name}>{d.name}</Label>)
          )}
        </LabelGroup>
        {created && (
          <Alert
            variant={created.autoInvite?.sent ? "success" : "info"}
            isInline
            title={t("customers.created", { name: created.name })}
            actionClose={<AlertActionCloseButton aria-label={t("errors.close")} onClose={() => setCreated(undefined)} />}
            data-testid="customer-created"
            data-invitation-sent={String(!!created.autoInvite?.sent)}
          >
            {created.autoInvite?.sent
              ? t("customers.autoInviteSent", { email: settings.contactEmail ?? "" })
              : created.autoInvite?.reason
                ? t("customers.autoInviteNotSent", { reason: created.autoInvite.reason })
                : t("customers.autoInviteNotSentNoReason")}
          </Alert>
        )}
        {(settings.invalid ?? []).map((i) => (
          <Alert key={i.field} variant="warning" isInline isPlain title={t("customers.invalidStored", { field: i.field, message: i.errorMessage ?? i.error })} />
        ))}
      </PageSection>
      <PageSection type="tabs" variant="light">
        <Tabs
          activeKey={current}
          onSelect={(_e, key) => navigate(`${base}/${key}`)}
          aria-label={t("customers.customer.tabs")}
          role="region"
          mountOnEnter
          unmountOnExit
        >
          {TABS.map((key) => (
            <Tab key={key} eventKey={key} title={<TabTitleText>{t(TAB_LABEL[key])}</TabTitleText>} data-testid={`tab-${key}`} />
          ))}
        </Tabs>
      </PageSection>
      <PageSection data-testid={`tab-body-${current}`}>
        {current === "portal-access" && <PortalAccessTab {...props} />}
        {current === "users" && <UsersTab {...props} />}
        {current === "authentication" && <AuthenticationTab {...props} />}
        {current === "service-accounts" && <ServiceAccountsTab {...props} />}
        {current === "features" && <FeaturesTab {...props} />}
      </PageSection>
    </>
  );
}
