import {
  Dropdown,
  DropdownItem,
  DropdownList,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadMain,
  MastheadToggle,
  MenuToggle,
  Nav,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  SkipToContent,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from "@patternfly/react-core";
import { BarsIcon } from "@patternfly/react-icons";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";

import { useConsole } from "../ConsoleContext";
import { RealmNavItems } from "../pages/realm/RealmNav";
import { RealmSelector } from "./RealmSelector";

const MAIN_ID = "pa-main";

/**
 * The console's frame, PatternFly's Page like Keycloak's admin console: masthead with the product, the realm and
 * the signed-in user's menu (sign out); sidebar with the realm (a selector for master-realm admins) and, once the
 * admin's rights are known, the navigation.
 */
export function AppShell({ realm, withNav, children }: { realm: string; withNav: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { config } = useConsole();
  const realmPath = `/${encodeURIComponent(realm)}`;

  const masthead = (
    <Masthead>
      <MastheadToggle>
        <PageToggleButton variant="plain" aria-label={t("masthead.toggleNavigation")}>
          <BarsIcon />
        </PageToggleButton>
      </MastheadToggle>
      <MastheadMain>
        <MastheadBrand component="div">
          <span className="pa-masthead-brand" data-testid="masthead-brand">
            {t("app.name")}
          </span>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: "alignRight" }} spaceItems={{ default: "spaceItemsMd" }}>
              <ToolbarItem>
                <span data-testid="masthead-realm">
                  {t("masthead.realm")}: <strong>{realm}</strong>
                </span>
              </ToolbarItem>
              <ToolbarItem>
                <UserMenu />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        {config.realm === config.masterRealm ? (
          <div className="pa-realm-selector">
            <RealmSelector current={realm} />
          </div>
        ) : (
          <div className="pa-realm-name" data-testid="sidebar-realm">
            {realm}
          </div>
        )}
        {withNav && (
          <Nav aria-label={t("nav.label")}>
            <ul className="pf-v5-c-nav__list" role="list">
              <li className="pf-v5-c-nav__item">
                <NavLink
                  end
                  to={realmPath}
                  className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}
                  data-testid="nav-overview"
                >
                  {t("nav.overview")}
                </NavLink>
              </li>
              <li className="pf-v5-c-nav__item">
                <NavLink to={`${realmPath}/customers`} className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`} data-testid="nav-customers">
                  {t("nav.customers")}
                </NavLink>
              </li>
              <RealmNavItems realmPath={realmPath} />
            </ul>
          </Nav>
        )}
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <Page
      header={masthead}
      sidebar={sidebar}
      isManagedSidebar
      mainContainerId={MAIN_ID}
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t("app.skipToContent")}</SkipToContent>}
    >
      {children}
    </Page>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { auth, config } = useConsole();
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: "right" }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          variant="plainText"
          isExpanded={open}
          onClick={() => setOpen(!open)}
          aria-label={`${t("masthead.userMenu")}: ${auth.user.displayName}`}
          data-testid="user-menu"
        >
          {auth.user.displayName}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem
          key="sign-out"
          onClick={() => void auth.signOut()}
          description={t("masthead.signedInAs", { user: auth.user.username, realm: config.realm })}
          data-testid="sign-out"
        >
          {t("masthead.signOut")}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
}
