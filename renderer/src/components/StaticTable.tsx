import { Table, type TableProps } from 'antd';

/**
 * antd's Table for tables that never scroll inside themselves (no `scroll`, no sticky header). rc-table measures the
 * scrollbar of its body on mount by inserting an inline <style>, which the console's CSP (style-src 'self') blocks
 * and reports; that measurement only matters for a scrolling body, and rc-table skips it under `tailor` — which,
 * without `scroll`, changes nothing else (rc-table 1.x: Table.tsx uses it only for the measurement and scroll.x).
 * The e2e tests fail on any CSP report, so a future rc-table that measures anyway is caught there.
 */
export function StaticTable<T extends object>(props: Omit<TableProps<T>, 'scroll' | 'sticky'>) {
  return <Table<T> {...props} tailor />;
}
