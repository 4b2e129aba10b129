// The BPMN of the procedure version a dossier follows. Only accounts that may see models get it from the
// catalogue; for others (and on failure) it is null and the screens show a note instead of the diagram.
import { useEffect, useState } from 'react';
import { workspaceApi } from '../../api/workspace-api';

export function useProcedureModel(procedureCode: string | undefined, version: number | undefined) {
  const [bpmnXml, setBpmnXml] = useState<string | null>(null);
  useEffect(() => {
    if (!procedureCode) return;
    workspaceApi
      .procedure(procedureCode)
      .then((p) => setBpmnXml(p.versions.find((v) => v.version === version)?.bpmnXml ?? null))
      .catch(() => setBpmnXml(null));
  }, [procedureCode, version]);
  return bpmnXml;
}
