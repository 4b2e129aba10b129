// The renderers' own words (sub-field labels, help texts), keyed for JSON Forms' translate(key, default): each
// renderer passes the Vietnamese as the default, and createMotcuaI18n answers the English from this table.
export const rendererTextsEn: Record<string, string> = {
  'motcua.adminUnit.province': 'Province/city',
  'motcua.adminUnit.commune': 'Commune/ward/special zone',
  'motcua.adminUnit.provinceFirst': 'Choose the province first',
  'motcua.adminUnit.detail': 'House number, street, village',
};
