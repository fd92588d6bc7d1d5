"""Event coding: ontology tables, the lexicon, dyads, modes and the coder.

Import the modules themselves (``eventlens.events.coder`` ...): importing the
package stays cheap, so that output code can use ``identity`` without the parser.
"""
