import {
  Bullseye,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  Gallery,
  PageSection,
  Spinner,
  Text,
  TextContent,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router-dom";

import { ErrorAlert } from "../errors/ErrorDisplay";
import { useTeam } from "./TeamContext";
import { useLoad } from "./useLoad";

/**
 * The signed-in user's customers: one leads straight to its team; several are offered to pick from, as Keycloak's
 * organization selection offers them at sign-in.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const { api, config } = useTeam();
  const [customers] = useLoad(() => api.customers(), [api]);

  if (customers.kind === "loading") {
    return <Loading />;
  }
  if (customers.kind === "failed") {
    return (
      <PageSection>
        <ErrorAlert error={customers.error} />
      </PageSection>
    );
  }
  const list = customers.value;
  if (list.length === 1) {
    return <Navigate to={`/customers/${encodeURIComponent(list[0].id)}`} replace />;
  }
  if (list.length === 0) {
    return (
      <PageSection>
        <EmptyState data-testid="no-customers">
          <EmptyStateHeader titleText={t("team.customers.none")} headingLevel="h1" />
          <EmptyStateBody>{t("team.customers.noneBody", { portal: config.displayName })}</EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }
  return (
    <>
      <PageSection variant="light">
        <TextContent>
          <Text component="h1">{t("team.customers.title")}</Text>
          <Text component="p">{t("team.customers.description")}</Text>
        </TextContent>
      </PageSection>
      <PageSection>
        <Gallery hasGutter data-testid="customer-list">
          {list.map((customer) => (
            <Card key={customer.id} isCompact>
              <CardHeader>
                <CardTitle component="h2">
                  <Link
                    to={`/customers/${encodeURIComponent(customer.id)}`}
                    aria-label={t("team.customers.open", { customer: customer.name })}
                    data-testid={`customer-${customer.alias}`}
                  >
                    {customer.name}
                  </Link>
                </CardTitle>
              </CardHeader>
              <CardBody>
                {t("team.customers.yourRole", {
                  role: customer.role ? t(`team.role.${customer.role}`) : t("team.customers.noRole"),
                })}
              </CardBody>
            </Card>
          ))}
        </Gallery>
      </PageSection>
    </>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <PageSection>
      <Bullseye>
        <Spinner aria-label={t("team.loading")} />
      </Bullseye>
    </PageSection>
  );
}
