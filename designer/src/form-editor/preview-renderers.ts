// The project's declaration-form renderers ahead of JSON Forms' MUI set: the live preview, the workspace's
// declaration form and the web bench all render with these.
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';
import { motcuaCells, motcuaRenderers } from '../../../forms/renderers';

export const previewRenderers = [...motcuaRenderers, ...materialRenderers];
export const previewCells = [...motcuaCells, ...materialCells];
