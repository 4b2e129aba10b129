// A list the user edits in place, one row per item: a control per cell, a remove button per row, an add button
// under the table (the legal record's fees and dossier components).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';

export interface EditableColumn<Row> {
  /** The column's header; a cell's control is named "<header> <row number>" for screen readers. */
  header: string;
  width?: number;
  cell(row: Row, change: (patch: Partial<Row>) => void, name: string, index: number): ReactNode;
}

interface Props<Row> {
  title: string;
  columns: EditableColumn<Row>[];
  rows: Row[];
  onChange(rows: NoInfer<Row>[]): void;
  /** The row the add button appends. */
  blank(): NoInfer<Row>;
}

export function EditableTable<Row>({ title, columns, rows, onChange, blank }: Props<Row>) {
  const { t } = useTranslation();
  const change = (index: number) => (patch: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2">
        {title}
      </Typography>
      <Table>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.header}>{column.header}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={index}>
              {columns.map((column) => (
                <TableCell key={column.header} {...(column.width ? { sx: { width: column.width } } : {})}>
                  {column.cell(row, change(index), `${column.header} ${index + 1}`, index)}
                </TableCell>
              ))}
              <TableCell>
                <IconButton
                  aria-label={t('common.remove')}
                  onClick={() => onChange(rows.filter((_row, i) => i !== index))}
                >
                  <DeleteIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button size="small" onClick={() => onChange([...rows, blank()])}>
        {t('common.add')}
      </Button>
    </Paper>
  );
}
