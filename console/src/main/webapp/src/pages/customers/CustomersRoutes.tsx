import { Route, Routes } from "react-router-dom";

import { CustomerPage } from "./CustomerPage";
import { CustomersList } from "./CustomersList";

/** /{realm}/customers: the list; /{realm}/customers/{id}/{tab}: one customer's page. */
export default function CustomersRoutes() {
  return (
    <Routes>
      <Route index element={<CustomersList />} />
      <Route path=":customerId" element={<CustomerPage />} />
      <Route path=":customerId/:tab" element={<CustomerPage />} />
    </Routes>
  );
}
