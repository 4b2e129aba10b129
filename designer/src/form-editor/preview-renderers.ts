// Renderers of the live preview: the project's declaration-form renderers on top of JSON Forms' MUI set.
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';

export const previewRenderers = [...materialRenderers];
export const previewCells = materialCells;
