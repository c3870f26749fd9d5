// prettier settings for the XML files of the addons (pre-commit hook "prettier-xml").
// The plugin is resolved here because pre-commit installs it in its own node env.
/** @type {import('prettier').Config} */
module.exports = {
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSpacing: false,
    printWidth: 88,
    tabWidth: 4,
    xmlWhitespaceSensitivity: "preserve",
};
