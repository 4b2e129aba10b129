// The slip registry lists every slip with its renderer loaded on first use: the Dossier model and the workers
// import it, and must not load pdfkit (and the slip fonts) by doing so.
test('the registry, the Dossier model and the slip-issuing workers load without pdfkit', async () => {
  jest.doMock('pdfkit', () => {
    throw new Error('pdfkit was loaded');
  });
  await jest.isolateModulesAsync(async () => {
    const { slipRegistry } = await import('../../../server/slips/registry');
    await import('../../../server/models/Dossier');
    await import('../../../engine-worker/slips');
    expect(slipRegistry.map((entry) => entry.form)).toEqual(['01', '02', '03', '04', '05', '06', '07']);
  });
});
