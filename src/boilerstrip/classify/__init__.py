"""The classifier: one module per pass, run in the order of :data:`.passes.PASSES`
over one :class:`.page.Page` (see ``docs/algorithm.md``)."""
