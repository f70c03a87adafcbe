#!/usr/bin/env python3
"""A deterministic ERP-like schema of 300+ tables in 20 modules, written as a SQLite file, with a few
rows a table; and questions.json, questions whose needed tables are known. Standard library only.

    python3 benchmarks/context/generate_erp.py OUT.db
"""
import random, sqlite3, sys, os

# module prefix -> [(table, [extra columns], [(fk column, referenced table)])]
COMMON = ("created_at TEXT NOT NULL", "updated_at TEXT")
MODULES = {
    "gl": ["accounts", "account_types", "journals", "journal_lines", "fiscal_years", "fiscal_periods", "cost_centers",
           "budgets", "budget_lines", "currencies", "exchange_rates", "tax_codes", "recurring_entries", "allocations",
           "consolidations", "intercompany_links"],
    "ar": ["customers", "customer_groups", "invoices", "invoice_lines", "receipts", "receipt_allocations",
           "credit_notes", "dunning_letters", "payment_terms", "customer_contacts", "write_offs", "statements",
           "collection_cases", "credit_limits", "customer_addresses"],
    "ap": ["suppliers", "supplier_groups", "bills", "bill_lines", "payments", "payment_runs", "debit_notes",
           "supplier_contacts", "supplier_bank_accounts", "withholding_taxes", "expense_claims", "expense_lines",
           "approval_steps", "supplier_ratings", "supplier_addresses"],
    "inv": ["items", "item_categories", "warehouses", "bins", "stock_levels", "stock_moves", "lots", "serial_numbers",
            "units_of_measure", "unit_conversions", "cycle_counts", "count_lines", "reorder_rules", "price_lists",
            "price_list_items", "adjustments"],
    "pur": ["purchase_orders", "purchase_order_lines", "requisitions", "requisition_lines", "receipts",
            "receipt_lines", "rfqs", "rfq_responses", "contracts", "contract_lines", "buyers", "blanket_orders",
            "returns", "return_lines", "landed_costs"],
    "sal": ["sales_orders", "sales_order_lines", "quotes", "quote_lines", "shipments", "shipment_lines", "returns",
            "return_lines", "sales_reps", "territories", "commissions", "discount_rules", "promotions",
            "backorders", "order_holds", "channels"],
    "crm": ["leads", "opportunities", "campaigns", "campaign_members", "activities", "accounts", "contacts",
            "cases", "case_comments", "pipelines", "stages", "competitors", "forecasts", "surveys",
            "survey_answers"],
    "hr": ["employees", "departments", "positions", "job_grades", "contracts", "leave_requests", "leave_types",
           "attendance", "shifts", "shift_assignments", "performance_reviews", "review_goals", "trainings",
           "training_enrollments", "skills", "employee_skills"],
    "pay": ["payroll_runs", "payslips", "payslip_lines", "earnings_types", "deduction_types", "tax_brackets",
            "bank_transfers", "benefits", "benefit_enrollments", "pension_plans", "garnishments", "timesheets",
            "timesheet_lines", "overtime_rules", "bonuses"],
    "prj": ["projects", "tasks", "milestones", "project_members", "time_entries", "project_budgets",
            "project_expenses", "risks", "issues", "change_requests", "deliverables", "resource_plans",
            "billing_schedules", "task_dependencies", "phases"],
    "mfg": ["work_orders", "boms", "bom_lines", "routings", "routing_steps", "work_centers", "machines",
            "downtime_events", "production_runs", "scrap_records", "quality_checks", "material_issues",
            "finished_goods", "capacity_plans", "maintenance_orders"],
    "wms": ["pick_lists", "pick_lines", "pack_jobs", "putaways", "docks", "dock_appointments", "carriers",
            "freight_rates", "wave_plans", "labels", "pallets", "transfers", "transfer_lines", "cross_docks",
            "yard_slots"],
    "fa": ["assets", "asset_classes", "depreciation_books", "depreciation_entries", "disposals", "revaluations",
           "asset_locations", "leases", "lease_payments", "insurance_policies", "asset_transfers", "impairments",
           "asset_tags", "capex_requests", "warranty_claims"],
    "tax": ["returns", "filings", "jurisdictions", "rates", "exemptions", "exemption_certificates", "audits",
            "audit_findings", "vat_reports", "vat_lines", "nexus_rules", "tax_payments", "tax_provisions",
            "transfer_pricing", "tax_calendars"],
    "svc": ["tickets", "ticket_comments", "slas", "sla_breaches", "agents", "queues", "knowledge_articles",
            "service_contracts", "field_visits", "visit_parts", "escalations", "satisfaction_scores", "assets_covered",
            "service_catalog", "ticket_tags"],
    "fleet": ["vehicles", "drivers", "trips", "fuel_logs", "maintenance_logs", "inspections", "accidents",
              "vehicle_leases", "tolls", "routes", "route_stops", "gps_pings", "tires", "fines", "vehicle_types"],
    "ecom": ["web_orders", "web_order_lines", "carts", "cart_items", "web_customers", "product_reviews",
             "wishlists", "coupons", "coupon_redemptions", "page_views", "sessions", "abandoned_carts",
             "gift_cards", "affiliates", "affiliate_payouts"],
    "qa": ["inspections", "inspection_lines", "defects", "defect_types", "corrective_actions", "audits",
           "audit_checklists", "nonconformances", "supplier_audits", "calibrations", "instruments", "specs",
           "test_results", "certificates", "complaints"],
    "mkt": ["campaigns", "channels", "ad_spend", "ad_groups", "creatives", "email_sends", "email_events",
            "segments", "segment_members", "landing_pages", "utm_sources", "attributions", "budgets", "events",
            "event_registrations"],
    "legal": ["contracts", "contract_parties", "clauses", "obligations", "renewals", "disputes", "dispute_costs",
              "counsel", "matters", "matter_hours", "ip_assets", "trademarks", "patents", "compliance_checks",
              "policies"],
}
STATUSES = ["draft", "open", "approved", "posted", "closed", "cancelled", "on_hold", "rejected"]
AMOUNTS = ["amount", "total_amount", "net_amount", "tax_amount", "quantity", "unit_price", "cost", "hours"]


def singular(name):
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("sses") or name.endswith("xes"):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name


def build(rng):
    tables = {}
    for module, names in MODULES.items():
        for index, name in enumerate(names):
            table = f"{module}_{name}"
            columns = [f"{singular(name)}_id INTEGER PRIMARY KEY", "code TEXT NOT NULL", "name TEXT"]
            fks = []
            # A header/lines pair: lines point at their header; each table also points at one or two others.
            if name.endswith("_lines") or name.endswith("_items"):
                header = name.rsplit("_", 1)[0] + "s"
                header = header if f"{module}_{header}" in [f"{module}_{n}" for n in names] else names[0]
                fks.append(f"{module}_{header}")
            targets = [n for n in names[:6] if n != name]
            for target in rng.sample(targets, k=min(len(targets), rng.randint(1, 2))):
                fks.append(f"{module}_{target}")
            if index % 5 == 2:
                fks.append(rng.choice(["hr_employees", "gl_currencies", "gl_cost_centers", "inv_items"]))
            fks = [f for f in dict.fromkeys(fks) if f != table]
            for fk in fks:
                columns.append(f"{singular(fk.split('_', 1)[1])}_id INTEGER REFERENCES {fk}")
            columns.append("status TEXT NOT NULL")
            for amount in rng.sample(AMOUNTS, k=2):
                columns.append(f"{amount} REAL")
            if rng.random() < 0.6:
                columns.append(rng.choice(["due_date TEXT", "posted_at TEXT", "start_date TEXT", "closed_at TEXT"]))
            columns.extend(COMMON)
            # Column names are unique within a table.
            seen, unique = set(), []
            for column in columns:
                if column.split()[0] not in seen:
                    seen.add(column.split()[0])
                    unique.append(column)
            tables[table] = unique
    # Cross-module links the questions rely on.
    links = {
        "ar_invoices": ["ar_customers", "sal_sales_orders"], "sal_sales_orders": ["ar_customers", "sal_sales_reps"],
        "sal_sales_order_lines": ["inv_items"], "pur_purchase_order_lines": ["inv_items"],
        "pur_purchase_orders": ["ap_suppliers", "pur_buyers"], "ap_bills": ["ap_suppliers", "pur_purchase_orders"],
        "hr_employees": ["hr_departments", "hr_positions"], "pay_payslips": ["hr_employees", "pay_payroll_runs"],
        "prj_time_entries": ["hr_employees", "prj_tasks"], "prj_tasks": ["prj_projects"],
        "mfg_work_orders": ["inv_items", "mfg_boms"], "svc_tickets": ["ar_customers", "svc_agents", "svc_queues"],
        "fleet_trips": ["fleet_vehicles", "fleet_drivers"], "fleet_fuel_logs": ["fleet_vehicles"],
        "ecom_web_orders": ["ecom_web_customers", "ecom_coupons"], "sal_shipments": ["sal_sales_orders", "wms_carriers"],
        "qa_defects": ["qa_inspections", "qa_defect_types", "inv_items"], "inv_stock_levels": ["inv_items", "inv_warehouses"],
        "crm_opportunities": ["crm_accounts", "crm_stages"], "mkt_ad_spend": ["mkt_campaigns", "mkt_channels"],
        "fa_depreciation_entries": ["fa_assets"], "fa_assets": ["fa_asset_classes"],
        "legal_matter_hours": ["legal_matters", "legal_counsel"], "hr_leave_requests": ["hr_employees", "hr_leave_types"],
        "gl_journal_lines": ["gl_journals", "gl_accounts", "gl_cost_centers"], "gl_journals": ["gl_fiscal_periods"],
    }
    for table, targets in links.items():
        for target in targets:
            column = f"{singular(target.split('_', 1)[1])}_id"
            if not any(c.split()[0] == column for c in tables[table]):
                tables[table].insert(3, f"{column} INTEGER REFERENCES {target}")
    return tables


QUESTIONS = [
    ("What is the total invoiced amount per customer in 2024?", ["ar_invoices", "ar_customers"]),
    ("Which customers have overdue invoices?", ["ar_invoices", "ar_customers"]),
    ("How many dunning letters were sent per customer?", ["ar_dunning_letters", "ar_customers"]),
    ("Total receipts by month", ["ar_receipts"]),
    ("List credit notes issued to customers in the wholesale customer group", ["ar_credit_notes", "ar_customers", "ar_customer_groups"]),
    ("Which suppliers have the most unpaid bills?", ["ap_bills", "ap_suppliers"]),
    ("Total payments made to each supplier last quarter", ["ap_payments", "ap_suppliers"]),
    ("Average supplier rating by supplier group", ["ap_supplier_ratings", "ap_suppliers", "ap_supplier_groups"]),
    ("Expense claims per employee with their total amount", ["ap_expense_claims", "hr_employees"]),
    ("Current stock level of each item per warehouse", ["inv_stock_levels", "inv_items", "inv_warehouses"]),
    ("Which items are below their reorder rule minimum?", ["inv_reorder_rules", "inv_items"]),
    ("Stock moves per warehouse in March", ["inv_stock_moves", "inv_warehouses"]),
    ("How many purchase orders did each buyer place?", ["pur_purchase_orders", "pur_buyers"]),
    ("Purchase order lines by item for supplier Acme", ["pur_purchase_order_lines", "pur_purchase_orders", "ap_suppliers", "inv_items"]),
    ("Open requisitions and their lines", ["pur_requisitions", "pur_requisition_lines"]),
    ("Which supplier answered the most RFQs?", ["pur_rfq_responses", "ap_suppliers"]),
    ("Sales order revenue by sales rep", ["sal_sales_orders", "sal_sales_reps"]),
    ("Top 10 items by quantity on sales order lines", ["sal_sales_order_lines", "inv_items"]),
    ("How many shipments did each carrier handle?", ["sal_shipments", "wms_carriers"]),
    ("Commission paid to each sales rep in 2024", ["sal_commissions", "sal_sales_reps"]),
    ("Quotes converted to sales orders per territory", ["sal_quotes", "sal_sales_orders", "sal_territories"]),
    ("Open opportunities by pipeline stage", ["crm_opportunities", "crm_stages"]),
    ("Which campaigns brought the most leads?", ["crm_leads", "crm_campaigns"]),
    ("Number of support cases per CRM account", ["crm_cases", "crm_accounts"]),
    ("Headcount by department", ["hr_employees", "hr_departments"]),
    ("Employees with approved leave requests in July", ["hr_leave_requests", "hr_employees"]),
    ("Average performance review score by department", ["hr_performance_reviews", "hr_employees", "hr_departments"]),
    ("Training enrollments per training course", ["hr_training_enrollments", "hr_trainings"]),
    ("Total net pay on payslips per payroll run", ["pay_payslips", "pay_payroll_runs"]),
    ("Which employees received bonuses this year?", ["pay_bonuses", "hr_employees"]),
    ("Payslip deductions by deduction type", ["pay_payslip_lines", "pay_deduction_types"]),
    ("Hours logged per project from time entries", ["prj_time_entries", "prj_tasks", "prj_projects"]),
    ("Projects with milestones past their due date", ["prj_milestones", "prj_projects"]),
    ("Open risks and issues per project", ["prj_risks", "prj_issues", "prj_projects"]),
    ("Work orders per item and their BOM", ["mfg_work_orders", "inv_items", "mfg_boms"]),
    ("Machine downtime events by work center", ["mfg_downtime_events", "mfg_machines", "mfg_work_centers"]),
    ("Scrap records per production run", ["mfg_scrap_records", "mfg_production_runs"]),
    ("Pick lists completed per day", ["wms_pick_lists"]),
    ("Dock appointments by carrier", ["wms_dock_appointments", "wms_carriers"]),
    ("Depreciation posted per asset class in 2024", ["fa_depreciation_entries", "fa_assets", "fa_asset_classes"]),
    ("Assets disposed last year and their disposal amount", ["fa_disposals", "fa_assets"]),
    ("VAT report lines by tax jurisdiction", ["tax_vat_lines", "tax_vat_reports", "tax_jurisdictions"]),
    ("Tax audit findings per audit", ["tax_audit_findings", "tax_audits"]),
    ("Tickets per support agent and queue", ["svc_tickets", "svc_agents", "svc_queues"]),
    ("SLA breaches by SLA", ["svc_sla_breaches", "svc_slas"]),
    ("Average satisfaction score per ticket queue", ["svc_satisfaction_scores", "svc_tickets", "svc_queues"]),
    ("Fuel cost per vehicle", ["fleet_fuel_logs", "fleet_vehicles"]),
    ("Trips per driver in December", ["fleet_trips", "fleet_drivers"]),
    ("Accidents by vehicle type", ["fleet_accidents", "fleet_vehicles", "fleet_vehicle_types"]),
    ("Web orders that used a coupon", ["ecom_web_orders", "ecom_coupons"]),
    ("Abandoned carts per web customer", ["ecom_abandoned_carts", "ecom_web_customers"]),
    ("Average product review rating per item", ["ecom_product_reviews", "inv_items"]),
    ("Defects per defect type found in inspections", ["qa_defects", "qa_defect_types"]),
    ("Instruments due for calibration", ["qa_calibrations", "qa_instruments"]),
    ("Ad spend per marketing channel", ["mkt_ad_spend", "mkt_channels"]),
    ("Email events per email send", ["mkt_email_events", "mkt_email_sends"]),
    ("Hours billed per legal matter and counsel", ["legal_matter_hours", "legal_matters", "legal_counsel"]),
    ("Contracts up for renewal next month", ["legal_renewals", "legal_contracts"]),
    ("Journal lines per GL account in fiscal period 2024-03", ["gl_journal_lines", "gl_accounts", "gl_journals", "gl_fiscal_periods"]),
    ("Budget lines per cost center", ["gl_budget_lines", "gl_cost_centers"]),
    ("Exchange rates for each currency", ["gl_exchange_rates", "gl_currencies"]),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "erp.db"
    rng = random.Random(20261201)
    tables = build(rng)
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    db.execute("BEGIN")
    for table, columns in tables.items():
        db.execute(f"CREATE TABLE {table} (\n  " + ",\n  ".join(columns) + "\n)")
    for table, columns in tables.items():
        names = [c.split()[0] for c in columns]
        rows = []
        for row in range(1, 41):
            values = []
            for column in columns:
                name, kind = column.split()[0], column.split()[1]
                if "PRIMARY KEY" in column or "REFERENCES" in column:
                    values.append(row if "PRIMARY KEY" in column else rng.randint(1, 40))
                elif name == "status":
                    values.append(rng.choice(STATUSES[: rng.randint(3, 8)]))
                elif name in ("code", "name"):
                    values.append(f"{table[:3].upper()}-{row:04d}" if name == "code" else f"{table} {row}")
                elif kind == "REAL":
                    values.append(round(rng.uniform(1, 5000), 2))
                else:
                    values.append(f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            rows.append(values)
        db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)
    db.commit()
    for question, needed in QUESTIONS:
        for table in needed:
            assert table in tables, (question, table)
    import json
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "questions.json"), "w") as f:
        json.dump([{"question": q, "tables": t} for q, t in QUESTIONS], f, indent=1)
        f.write("\n")
    print(f"{out}: {len(tables)} tables; {len(QUESTIONS)} questions", file=sys.stderr)


if __name__ == "__main__":
    main()
