import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";

import { RealmContext } from "../../ConsoleContext";

/** The realm pages' navigation entries (issue 14): the realm's policies, then partner access. */
export function RealmNavItems({ realmPath }: { realmPath: string }) {
  const { t } = useTranslation();
  const me = useContext(RealmContext);
  if (!me?.rights.viewRealm) {
    return null;
  }
  const items: [string, string][] = [
    ["customer-access", "realm.nav.customerAccess"],
    ["self-registration", "realm.nav.selfRegistration"],
    ["denylist", "realm.nav.denylist"],
    ["partner", "realm.nav.partner"],
  ];
  return (
    <>
      {items.map(([path, key]) => (
        <li className="pf-v5-c-nav__item" key={path}>
          <NavLink
            to={`${realmPath}/${path}`}
            className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}
            data-testid={`nav-${path}`}
          >
            {t(key)}
          </NavLink>
        </li>
      ))}
    </>
  );
}
