export default defineBackground(() => {
  console.log('Evidence Lens background started');
});
