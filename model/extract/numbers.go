package extract

func (d *doc) figures() []Stat { return []Stat{} }
