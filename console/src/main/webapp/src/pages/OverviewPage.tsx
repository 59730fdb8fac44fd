import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  PageSection,
  Spinner,
  Text,
  TextContent,
  Title,
} from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { seesOrganizations } from "../api/portalAccess";
import { useConsole, useRealm } from "../ConsoleContext";
import { ErrorAlert } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";
import { accessLabels } from "./access";

type Count = { kind: "loading" } | { kind: "done"; value: number } | { kind: "failed"; error: ErrorContract };

/** The console's first page: the realm, whether it has organizations, how many the admin sees, and their access. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const me = useRealm();
  const { admin } = useConsole();
  const { realm, rights } = me;
  const countable = realm.organizationsEnabled && seesOrganizations(rights);
  const [count, setCount] = useState<Count>({ kind: "loading" });

  useEffect(() => {
    if (!countable) {
      return;
    }
    let live = true;
    setCount({ kind: "loading" });
    admin.organizationCount(realm.name).then(
      (value) => live && setCount({ kind: "done", value }),
      (e) => live && setCount({ kind: "failed", error: errorFromUnknown(e) }),
    );
    return () => {
      live = false;
    };
  }, [admin, realm.name, countable]);

  return (
    <>
      <PageSection variant="light">
        <TextContent>
          <Title headingLevel="h1" data-testid="page-title">
            {t("overview.title")}
          </Title>
          <Text>{t("overview.description")}</Text>
        </TextContent>
      </PageSection>
      <PageSection>
        <Card>
          <CardTitle component="h2">{realm.displayName || realm.name}</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal>
              <DescriptionListGroup>
                <DescriptionListTerm>{t("overview.realm")}</DescriptionListTerm>
                <DescriptionListDescription data-testid="overview-realm">{realm.name}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t("overview.displayName")}</DescriptionListTerm>
                <DescriptionListDescription data-testid="overview-display-name">
                  {realm.displayName || t("overview.noDisplayName")}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t("overview.organizations")}</DescriptionListTerm>
                <DescriptionListDescription>
                  <Label
                    color={realm.organizationsEnabled ? "green" : "grey"}
                    data-testid="overview-organizations-enabled"
                    data-enabled={String(realm.organizationsEnabled)}
                  >
                    {realm.organizationsEnabled ? t("overview.organizationsEnabled") : t("overview.organizationsDisabled")}
                  </Label>
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>
                  {rights.delegatedOrganizations ? t("overview.organizationCountDelegated") : t("overview.organizationCount")}
                </DescriptionListTerm>
                <DescriptionListDescription data-testid="overview-organization-count">
                  {!countable ? (
                    t("overview.organizationCountUnavailable")
                  ) : count.kind === "loading" ? (
                    <Spinner size="md" aria-label={t("app.loading")} />
                  ) : count.kind === "failed" ? (
                    <ErrorAlert error={count.error} />
                  ) : (
                    <span data-count={count.value}>{count.value.toLocaleString()}</span>
                  )}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t("overview.access")}</DescriptionListTerm>
                <DescriptionListDescription>
                  <LabelGroup data-testid="overview-access">
                    {accessLabels(rights).map((key) => (
                      <Label key={key} color="blue" data-right={key}>
                        {t(`overview.right.${key}`)}
                      </Label>
                    ))}
                  </LabelGroup>
                </DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
          </CardBody>
        </Card>
      </PageSection>
    </>
  );
}
