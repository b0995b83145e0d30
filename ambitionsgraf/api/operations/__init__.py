"""The API's operations, one module per part: public ones (the model, the national figures)
and those that need a token (an organisation's own data)."""
