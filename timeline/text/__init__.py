"""Text structure shared by every extractor: sentences, quoted speech, and finding the span at an offset."""
