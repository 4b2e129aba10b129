// Renderers of the live preview: the project's declaration-form renderers ahead of JSON Forms' MUI set.
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';
import { motcuaCells, motcuaRenderers } from '../../../forms/renderers';

export const previewRenderers = [...motcuaRenderers, ...materialRenderers];
export const previewCells = [...motcuaCells, ...materialCells];
